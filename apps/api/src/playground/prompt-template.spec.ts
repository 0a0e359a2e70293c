import { renderPrompt } from './prompt-template';

describe('renderPrompt', () => {
  it('fills every placeholder, with or without spaces in the braces, and lists them once in order', () => {
    const sut = renderPrompt('Hi {{name}}, you asked about {{ topic }}. Bye {{name}}.', { name: 'Ada', topic: 'engines' });
    expect(sut).toEqual({ prompt: 'Hi Ada, you asked about engines. Bye Ada.', placeholders: ['name', 'topic'], missing: [] });
  });

  it('leaves a placeholder without a value as written and reports it missing', () => {
    expect(renderPrompt('{{greeting}} {{ user.name }}!', { greeting: 'Hello' })).toEqual({
      prompt: 'Hello {{ user.name }}!',
      placeholders: ['greeting', 'user.name'],
      missing: ['user.name'],
    });
  });

  it('inserts values as text: a value that looks like a placeholder is not expanded again', () => {
    expect(renderPrompt('{{a}} and {{b}}', { a: '{{b}}', b: '$& $1 two' }).prompt).toBe('{{b}} and $& $1 two');
  });

  it('ignores what is not a placeholder and names inherited from Object', () => {
    expect(renderPrompt('{{ 1x }} {x} {{}} {{constructor}}')).toEqual({
      prompt: '{{ 1x }} {x} {{}} {{constructor}}',
      placeholders: ['constructor'],
      missing: ['constructor'],
    });
  });
});
