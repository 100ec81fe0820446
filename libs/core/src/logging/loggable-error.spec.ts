import { QueryFailedError } from 'typeorm';
import { loggableError } from './loggable-error';

describe('loggableError', () => {
  it('keeps the SQL and the PostgreSQL code of a failed query but never its parameters', () => {
    const driverError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const error = new QueryFailedError('INSERT INTO tickets (description) VALUES ($1)', ['来电人张三 13912345678 举报超市'], driverError);
    const logged = loggableError(error);
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '22021', query: 'INSERT INTO tickets (description) VALUES ($1)' });
    expect(JSON.stringify(logged)).not.toContain('13912345678');
    expect(JSON.stringify(logged)).not.toContain('张三');
  });

  it('describes anything thrown', () => {
    expect(loggableError('boom')).toEqual({ type: 'string', message: 'boom' });
    expect(loggableError(new TypeError('x'))).toMatchObject({ type: 'TypeError', message: 'x' });
  });
});
