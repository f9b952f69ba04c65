/** Writes messages to stdout as JSON lines, one write per batch, waiting when the pipe is full. */
export async function writeLines(messages: readonly unknown[]): Promise<void> {
  let text = '';
  for (const message of messages) text += `${JSON.stringify(message)}\n`;
  if (!process.stdout.write(text))
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}
