import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { imageNodeOptions } from './image.ts';

describe('imageNodeOptions', () => {
  it("reads the runtime stage's NODE_OPTIONS, quoted or not, and ignores other stages", () => {
    const dockerfile = [
      'FROM node:24 AS build',
      'ENV NODE_OPTIONS="--max-old-space-size=4096"',
      'FROM node:24-slim AS runtime',
      'ENV NODE_ENV=production NODE_OPTIONS="--max-semi-space-size=8 --enable-source-maps" PORT=3000',
    ].join('\n');
    assert.equal(imageNodeOptions(dockerfile), '--max-semi-space-size=8 --enable-source-maps');
    assert.equal(imageNodeOptions('FROM node:24-slim AS runtime\nENV NODE_OPTIONS=--max-semi-space-size=4\n'), '--max-semi-space-size=4');
    assert.equal(imageNodeOptions('FROM node:24 AS build\nENV NODE_OPTIONS=--x\nFROM node:24-slim AS runtime\nENV PORT=3000\n'), '');
  });

  it('finds the flags of the real image', () => {
    const dockerfile = readFileSync(resolve(import.meta.dirname, '../../../docker/api.Dockerfile'), 'utf8');
    assert.match(imageNodeOptions(dockerfile), /--max-semi-space-size=\d+/);
  });
});
