#!/usr/bin/env node
// `npx switchyard ...`: the package users install gives the command as well as the SDK.
import { main } from '@switchyard/cli';

main();
