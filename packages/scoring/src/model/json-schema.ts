import { z } from 'zod';
import { scorecardModelSchema } from './format.js';

/**
 * The model file's JSON Schema (draft 2020-12), generated from the zod schema `loadModel`
 * validates with. Cross-field rules (a missing bin per feature, contiguous numeric bins) are in
 * the description; `loadModel` checks them too.
 */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scorecardModelSchema, {
    target: 'draft-2020-12',
    // loadModel ignores unknown keys (newer optional stats): so does the schema.
    io: 'input',
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://creditline.dev/schemas/scorecard-model-1.json',
    title: 'Creditline scorecard model (formatVersion 1)',
    description:
      'A points scorecard: score = sum over features of the points of the bin the value falls in. Numeric/ordinal bins are [lower, upper) (absent lower = -inf, absent upper = +inf), contiguous; every feature has one bin with isMissing = true for missing values and unseen levels. Derived features are evaluated in order before binning. PD = 1 / (1 + exp((score - offset) / factor)), factor = pdo / ln 2, offset = baseScore - factor * ln(baseOdds).',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** `modelJsonSchema()` as the committed file's text. */
export function modelJsonSchemaText(): string {
  return JSON.stringify(modelJsonSchema(), null, 2) + '\n';
}
