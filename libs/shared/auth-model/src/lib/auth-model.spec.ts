import { authModel } from './auth-model';

describe('authModel', () => {
  it('should work', () => {
    expect(authModel()).toEqual('auth-model');
  })
})
