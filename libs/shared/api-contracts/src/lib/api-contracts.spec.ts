import { apiContracts } from './api-contracts';

describe('apiContracts', () => {
  it('should work', () => {
    expect(apiContracts()).toEqual('api-contracts');
  })
})
