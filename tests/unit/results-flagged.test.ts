import { describe, expect, it } from 'vitest';
import { call, standingAnswer, valueOf } from '../../scripts/fixtures/kiosk';
import { manualClock, openSetUpKiosk, unlock } from '../support/staff';
import { makeTempDir } from '../support/temp-dir';

interface Figures {
  total: number;
  burstFlagged: number;
  withoutFlagged: boolean;
  options: { id: string; count: number }[];
}

describe('results with and without flagged answers', () => {
  it('leaves out a burst on request, still counts it apart, and stores everything', async () => {
    const time = manualClock();
    const kiosk = await openSetUpKiosk(await makeTempDir(), { clock: time.clock });
    // A calm answer, then a child drumming on "very bad" six times in three seconds.
    valueOf(await call(kiosk, 'responses.submit', standingAnswer('good')));
    time.advance(60_000);
    for (let index = 0; index < 6; index += 1) {
      valueOf(await call(kiosk, 'responses.submit', standingAnswer('very-bad')));
      time.advance(500);
    }
    const token = await unlock(kiosk);
    const results = async (withoutFlagged?: boolean) =>
      valueOf(
        await call(kiosk, 'results.poll', { pollId: 'council-feedback', from: null, to: null, ...(withoutFlagged === undefined ? {} : { withoutFlagged }) }, token),
      ) as Figures;
    const count = (figures: Figures, id: string) => figures.options.find((option) => option.id === id)?.count;

    const everything = await results();
    expect(everything).toMatchObject({ total: 7, burstFlagged: 3, withoutFlagged: false });
    expect(count(everything, 'very-bad')).toBe(6);

    const calm = await results(true);
    expect(calm).toMatchObject({ total: 4, burstFlagged: 3, withoutFlagged: true });
    expect(count(calm, 'very-bad')).toBe(3);
    expect(count(calm, 'good')).toBe(1);
    expect(kiosk.health().answersStored).toBe(7);
    await kiosk.close();
  });
});
