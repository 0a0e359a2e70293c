import { MIN_LENGTH_TO_REVEAL, maskApiKey } from './api-key-mask';

describe('maskApiKey', () => {
  it('shows the first 3 and the last 4 characters of a long key', () => {
    expect(maskApiKey('sk-proj-abcdefghijklmnopqrstuvwxyza1b2')).toBe('sk-…a1b2');
    expect(maskApiKey('AIzaSyD-0123456789abcdefghijklmnop')).toBe('AIz…mnop');
  });

  it('shows only … for a key shorter than the threshold', () => {
    expect(maskApiKey('x'.repeat(MIN_LENGTH_TO_REVEAL - 1))).toBe('…');
    expect(maskApiKey('short')).toBe('…');
    expect(maskApiKey('a')).toBe('…');
  });

  it('starts revealing at the threshold, and hides most of the key', () => {
    const key = 'abcdefghijklmnopqrst';
    expect(key).toHaveLength(MIN_LENGTH_TO_REVEAL);
    const sut = maskApiKey(key);
    expect(sut).toBe('abc…qrst');
    expect(MIN_LENGTH_TO_REVEAL - 7).toBeGreaterThanOrEqual(13);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskApiKey(`🔑🔑🔑${'x'.repeat(20)}🗝️z`)).toBe('🔑🔑🔑…x🗝️z');
  });
});
