#!/usr/bin/env node
// The CLI is TypeScript; tsx loads it without a build step so `npx nianbao` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../functions/cli/main.ts');
