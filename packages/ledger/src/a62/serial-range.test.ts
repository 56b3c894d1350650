import { describe, expect, it } from 'vitest';
import { serialRange } from './serial-range.ts';

describe('serialRange', () => {
  it('reads start–end at the end of a Gold Standard serial', () => {
    expect(serialRange('GS1-1-TZ-GS11732-16-2022-25700-1-100')).toEqual({ from: 1, to: 100 });
    expect(serialRange('GS1-1-TZ-GS11732-16-2023-28108-103008-103599')).toEqual({ from: 103008, to: 103599 });
  });

  it('reads batch-start-end at the head of a Verra serial, ignoring a trailing space', () => {
    expect(serialRange('18783-910564676-910573425-VCS-VCU-842-VER-MG-3-2311-01012024-30042024-1')).toEqual({ from: 910564676, to: 910573425 });
    expect(serialRange('19337-940179796-940188731-VCS-VCU-1289-VER-NG-3-4151-01012023-31122023-0 ')).toEqual({ from: 940179796, to: 940188731 });
  });

  it('reads an ART TREES serial range', () => {
    expect(serialRange('ART-GY-102-2021-11-2759599 to 2760598')).toEqual({ from: 2759599, to: 2760598 });
  });

  it('gives null for shapes it does not know, or a range that runs backwards', () => {
    expect(serialRange('CER-12345')).toBeNull();
    expect(serialRange('GS1-1-TZ-GS11732-16-2022-25700-100-1')).toBeNull();
    expect(serialRange('GS1-1-TZ-GS11732-16-2022-25700-0-10')).toBeNull();
  });
});
