/**
 * Reads a secret value from stdin, never from argv (which `ps` and shell history show). Piped
 * input is read whole, one trailing newline removed; on a terminal the value is typed without
 * echo.
 */
export async function readSecretValue(name: string, fromPipe: boolean): Promise<string> {
  const stdin = process.stdin;
  if (!fromPipe && stdin.isTTY) return readHidden(`value for ${name} (not shown): `);
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done();
        if (char === '\u0003') return done(new Error('interrupted'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}
