import { CAPTURED_RESPONSES, HTTP_TRAFFIC } from './http-app';
import { scanGaps, secretsIn } from './response-secrets';

/**
 * After each spec file (jest setupFilesAfterEnv): every response body its test apps sent holds no
 * secret (SPEC §3.5), and the check did see them: a file whose apps answered requests but whose
 * capture recorded none (or fewer) fails instead of passing on nothing.
 */
afterAll(() => {
  expect(scanGaps(HTTP_TRAFFIC, CAPTURED_RESPONSES)).toEqual([]);
  expect(secretsIn(CAPTURED_RESPONSES)).toEqual([]);
});
