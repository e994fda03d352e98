import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processTempFolder, removeProcessTempFolders } from '../../functions/render/process-temp-folder';

const module = fileURLToPath(new URL('../../functions/render/process-temp-folder.ts', import.meta.url));

describe('processTempFolder', () => {
  it('is there while the process runs and gone once it exits', () => {
    const script = `import(${JSON.stringify(module)}).then(({ processTempFolder }) => {
      const folder = processTempFolder('nianbao-test-');
      require('node:fs').writeFileSync(folder + '/a.ttf', 'x');
      console.log(JSON.stringify({ folder, during: require('node:fs').existsSync(folder + '/a.ttf') }));
    });`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const { folder, during } = JSON.parse(out.trim()) as { folder: string; during: boolean };
    expect(during).toBe(true);
    expect(existsSync(folder)).toBe(false);
  });

  it('can be removed before the process ends, for hosts that end it without an exit event', () => {
    const folder = processTempFolder('nianbao-test-');
    writeFileSync(`${folder}/a.ttf`, 'x');
    removeProcessTempFolders();
    expect(existsSync(folder)).toBe(false);
  });
});
