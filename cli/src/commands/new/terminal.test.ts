import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderOutside } from './test-folders.ts';
import { runFerryInTerminal } from './test-terminal.ts';

const DOWN = '\u001b[B';
const ENTER = '\r';

describe('ferry new on a terminal', () => {
  it('asks for the template, the title and the description that no option gave', async () => {
    const cwd = await folderOutside();
    const result = await runFerryInTerminal(
      ['new', 'connector', 'acme-billing'],
      [
        { after: 'Template', type: DOWN + ENTER },
        { after: 'Title', type: `Acme Billing API${ENTER}` },
        { after: 'Description', type: ENTER },
      ],
      { cwd },
    );
    expect(result.stdout).toContain(
      'created ferry-connector-acme-billing (code template) in acme-billing',
    );
    expect(result.code).toBe(0);
    const manifest = await readFile(join(cwd, 'acme-billing/connector.yaml'), 'utf8');
    expect(manifest).toContain('\ntitle: "Acme Billing API"\n');
    expect(manifest).toContain('\ndescription: "Ferry connector for Acme Billing API."\n');
    await access(join(cwd, 'acme-billing/src/orders.ts'));
  });

  it('asks only for the title when the other answers are options', async () => {
    const cwd = await folderOutside();
    const result = await runFerryInTerminal(
      ['new', 'connector', 'crm', '--template', 'declarative', '--description', 'Contacts.'],
      [{ after: 'Title', type: `Customer Hub${ENTER}` }],
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Template');
    expect(result.stdout).not.toContain('Description');
    expect(await readFile(join(cwd, 'crm/connector.yaml'), 'utf8')).toContain(
      '\ntitle: "Customer Hub"\n',
    );
  });

  it('stops on Ctrl-C with FERRY_NEW_CANCELLED, having written nothing', async () => {
    const cwd = await folderOutside();
    const result = await runFerryInTerminal(
      ['new', 'connector', 'crm', '--template', 'code'],
      [{ after: 'Title', type: '\u0003' }],
      { cwd },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FERRY_NEW_CANCELLED: the questions were interrupted');
    await expect(access(join(cwd, 'crm'))).rejects.toThrow();
  });

  it('asks nothing with --yes', async () => {
    const cwd = await folderOutside();
    const result = await runFerryInTerminal(['new', 'connector', 'crm', '--yes'], [], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Title');
    expect(await readFile(join(cwd, 'crm/connector.yaml'), 'utf8')).toContain('\ntitle: "Crm"\n');
  });

  it('asks for the project name of ferry new project', async () => {
    const cwd = await folderOutside();
    const result = await runFerryInTerminal(
      ['new', 'project', 'sync'],
      [{ after: 'Project name', type: `CRM to ERP${ENTER}` }],
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(await readFile(join(cwd, 'sync/ferry.yaml'), 'utf8')).toContain(
      '\nname: "CRM to ERP"\n',
    );
  });
});
