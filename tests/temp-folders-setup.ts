// vitest setup file: vitest ends its workers without their 'exit' event, so the temp folders the renderer made for
// this test file (print-font subsets, the print origin page) are removed after it.
import { afterAll } from 'vitest';
import { removeProcessTempFolders } from '../functions/render/process-temp-folder';

afterAll(removeProcessTempFolders);
