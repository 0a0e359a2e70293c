import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out but, when present, is validated, null included. class-validator's
 * `@IsOptional()` also skips null, which would let `{"name": null}` through to a NOT NULL column.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Trims strings and leaves anything else for the validators to refuse. */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
