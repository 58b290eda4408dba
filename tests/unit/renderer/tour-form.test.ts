// The tour form: which layouts a display's tour cycles (in the list's order, deleted ones
// dropped) and its period, checked before anything is sent to main.
import { describe, expect, it } from 'vitest';
import type { DisplayChoice } from '../../../electron/contract/saved-layout';
import { initialTourForm, readTourForm, toggleChosen } from '../../../renderer/src/tour/tour-form';

const layouts = [{ id: 'all' }, { id: 'big' }, { id: 'room' }];
const choice = (tour: DisplayChoice['tour']): DisplayChoice => ({
  index: 0,
  layoutId: 'big',
  tour,
});

describe('the tour form', () => {
  it('opens with every layout ticked at 15 s when the display has no tour', () => {
    expect(initialTourForm(null, layouts)).toEqual({
      chosen: ['all', 'big', 'room'],
      seconds: '15',
    });
    expect(initialTourForm(choice(null), layouts).chosen).toEqual(['all', 'big', 'room']);
  });

  it("opens with the display's own tour, and a tour of pages as its layout ticked", () => {
    const saved = choice({ seconds: 20, layoutIds: ['room', 'all', 'gone'] });
    expect(initialTourForm(saved, layouts)).toEqual({ chosen: ['all', 'room'], seconds: '20' });
    expect(initialTourForm(choice({ seconds: 8, layoutIds: [] }), layouts)).toEqual({
      chosen: ['big'],
      seconds: '8',
    });
  });

  it('ticks and unticks, and saves the chosen layouts in the list order', () => {
    let form = { chosen: [] as string[], seconds: '30' };
    form = toggleChosen(form, 'room');
    form = toggleChosen(form, 'all');
    form = toggleChosen(form, 'big');
    form = toggleChosen(form, 'big');
    expect(readTourForm(form, layouts)).toEqual({
      ok: true,
      tour: { seconds: 30, layoutIds: ['all', 'room'] },
    });
  });

  it('asks for at least one layout that still exists', () => {
    expect(readTourForm({ chosen: [], seconds: '15' }, layouts)).toEqual({
      ok: false,
      problem: 'tour.noneChosen',
    });
    expect(readTourForm({ chosen: ['gone'], seconds: '15' }, layouts)).toMatchObject({
      problem: 'tour.noneChosen',
    });
  });

  it.each(['2', '3601', '', '7.5', '-5', '1e3', 'abc', '99999'])(
    'refuses %j seconds (whole seconds from 3 to 3600)',
    (seconds) => {
      expect(readTourForm({ chosen: ['all'], seconds }, layouts)).toEqual({
        ok: false,
        problem: 'tour.badSeconds',
      });
    },
  );

  it.each([
    ['3', 3],
    [' 3600 ', 3600],
    ['015', 15],
  ])('takes %j seconds', (seconds, value) => {
    expect(readTourForm({ chosen: ['all'], seconds }, layouts)).toMatchObject({
      ok: true,
      tour: { seconds: value },
    });
  });
});
