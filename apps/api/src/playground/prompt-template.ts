import type { RenderPromptResponse } from '@interakt/shared/api-contracts';

/** A placeholder's name: a letter or `_`, then letters, digits, `_`, `.` or `-`. */
export const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** `{{name}}` with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders in one pass: a value is inserted as text and never read as a
 * template again (a value holding `{{x}}` stays literal), and a placeholder without a value stays as
 * written and is reported as missing, so the playground can ask for it.
 */
export function renderPrompt(template: string, variables: Readonly<Record<string, string>> = {}): RenderPromptResponse {
  const placeholders: string[] = [];
  const missing: string[] = [];
  const prompt = template.replace(PLACEHOLDER, (written, name: string) => {
    if (!placeholders.includes(name)) placeholders.push(name);
    if (Object.prototype.hasOwnProperty.call(variables, name)) return variables[name];
    if (!missing.includes(name)) missing.push(name);
    return written;
  });
  return { prompt, placeholders, missing };
}
