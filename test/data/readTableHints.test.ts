import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/index.js';
import { streamOf } from './_helpers.js';

/** A CSV with `n` rows: `income` numeric except every 20th cell, which holds `odd`. */
function mostlyNumeric(n: number, odd: string, delimiter = ','): string {
  const lines = [`income${delimiter}y`];
  for (let i = 0; i < n; i++) lines.push(`${i % 20 === 19 ? odd : String(1000 + ((i * 37) % 500))}${delimiter}${i % 3 === 0 ? 1 : 0}`);
  return `${lines.join('\n')}\n`;
}

describe('readTable: hints about columns read as categorical', () => {
  it('readTable(csv) says when a column read as categorical is >= 90% numbers, naming the column and never the odd texts', async () => {
    const { report } = await readTable(streamOf(mostlyNumeric(200, '.')), { target: 'y' });
    expect(report.columns).toEqual([{ name: 'income', type: 'categorical' }]);
    const hint = report.messages.find((m) => m.includes("column 'income'"));
    expect(hint).toBe(
      "column 'income' was read as categorical although 95.0% of its non-missing cells are numbers: if its 1 other distinct text means missing, add it to the missing tokens (option missing, CLI --missing); to force it numeric (option numeric, CLI --numeric), rows holding other texts become row errors",
    );
    expect(hint).not.toMatch(/'\.'/);
  });

  it('readTable(csv, { missing }) with the odd text as a token reads the column as numeric, without a hint', async () => {
    const { report } = await readTable(streamOf(mostlyNumeric(200, '.')), { target: 'y', missing: ['.'] });
    expect(report.columns).toEqual([{ name: 'income', type: 'numeric' }]);
    expect(report.messages.some((m) => m.includes('categorical'))).toBe(false);
  });

  it('readTable(csv) gives no hint for a categorical column under 90% numbers, nor for a forced one', async () => {
    const lines = ['code,y', ...Array.from({ length: 100 }, (_, i) => `${i % 5 === 0 ? 'A' : String(i % 7)},${i % 2}`)];
    const a = await readTable(streamOf(lines.join('\n')), { target: 'y' });
    expect(a.report.messages.filter((m) => m.includes("'code'"))).toEqual([]);
    const b = await readTable(streamOf(mostlyNumeric(200, 'x')), { target: 'y', categorical: ['income'] });
    expect(b.report.messages.filter((m) => m.includes("'income'"))).toEqual([]);
  });

  it('readTable(csv) says when a column looks like numbers with a decimal comma (European CSV)', async () => {
    const lines = ['amount;rate;y'];
    for (let i = 0; i < 60; i++) lines.push(`${1000 + i},${String(i % 100).padStart(2, '0')};${i % 4 === 0 ? '1.234,5' : `0,${i}`};${i % 2}`);
    const { report } = await readTable(streamOf(lines.join('\n')), { target: 'y' });
    expect(report.columns).toEqual([{ name: 'rate', type: 'categorical' }]);
    for (const name of ['amount', 'rate']) {
      const hint = report.messages.find((m) => m.startsWith(`column '${name}' looks like numbers written with a decimal comma`));
      expect(hint, name).toBeDefined();
      expect(hint).toMatch(/convert the decimal commas to points/);
    }
    // The all-distinct amounts are also dropped as ID-like: the hint comes first and explains why.
    expect(report.messages.findIndex((m) => m.startsWith("column 'amount' looks like"))).toBeLessThan(report.messages.findIndex((m) => m.startsWith("column 'amount' excluded")));
  });
});

describe('readTable: target with other values', () => {
  it('readTable(csv, { target, bad, good }) counts the rows with another value in one message', async () => {
    const csv = 'x,status\n1,Fully Paid\n2,Charged Off\n3,Current\n4,Fully Paid\n5,In Grace Period\n6,Current\n';
    const { dataset, report } = await readTable(streamOf(csv), { target: 'status', bad: 'Charged Off', good: 'Fully Paid' });
    expect(dataset.rows).toBe(3);
    expect(report.messages).toContain("target 'status': 3 rows with a value other than the bad and good values skipped");
    expect(report.errorCount).toBe(3);
  });
});
