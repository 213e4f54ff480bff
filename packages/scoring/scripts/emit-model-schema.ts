/**
 * Writes schema/scorecard-model.schema.json — the model file's JSON Schema, generated from the
 * zod schema `loadModel` validates with, so the two cannot drift (test/model-schema.test.ts
 * checks the committed file). `pnpm --filter @creditline/scoring schema:emit`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { modelJsonSchemaText } from '../src/model/json-schema.js';

const out = new URL('../schema/scorecard-model.schema.json', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, modelJsonSchemaText());
console.log(`wrote ${out.pathname}`);
