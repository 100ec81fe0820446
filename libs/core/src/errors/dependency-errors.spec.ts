import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDependencyDown } from './dependency-errors';

describe('isDependencyDown', () => {
  it('treats a refused connection and PostgreSQL shutting down as a dependency that is down', () => {
    expect(isDependencyDown(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    const shuttingDown = Object.assign(new Error('the database system is shutting down'), { code: '57P03' });
    expect(isDependencyDown(new QueryFailedError('SELECT 1', [], shuttingDown))).toBe(true);
  });

  it('treats a transaction whose connection was ended under it as a dependency that is down', () => {
    expect(isDependencyDown(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(isDependencyDown(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('does not excuse bad input or a bug', () => {
    const uniqueViolation = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isDependencyDown(new QueryFailedError('INSERT', [], uniqueViolation))).toBe(false);
    expect(isDependencyDown(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
