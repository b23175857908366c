import { scoreApplicant, scoreApplicants } from '../src/index.js';

const applicant = {
  asOf: '2025-03-01',
  application: { requestedAmount: 12000, termMonths: 36, purpose: 'debt_consolidation', housing: 'rent' },
  bureau: {
    status: 'hit',
    tradelines: [
      { kind: 'revolving', openedDate: '2019-05-10', creditLimit: 5000, balance: 4600, status: 'current',
        history: [{ month: '2024-11', daysPastDue: 0 }, { month: '2024-12', daysPastDue: 30 }, { month: '2025-01', daysPastDue: 0 }] },
      { kind: 'installment', openedDate: '2023-08-01', originalAmount: 9000, balance: 6100, monthlyPayment: 310, status: 'current' },
      { kind: 'mortgage', openedDate: '2016-02-15', originalAmount: 180000, balance: 131000, monthlyPayment: 920, status: 'current' },
    ],
    inquiries: [{ date: '2025-01-20', type: 'hard' }, { date: '2025-02-11', type: 'hard' }, { date: '2025-02-25', type: 'hard' }],
  },
  income: { statedAnnual: 42000, verifiedAnnual: 39000, payFrequency: 'monthly', employmentStartDate: '2024-06-01', employmentType: 'employed' },
} as const;

const result = scoreApplicant(applicant); // validate, extract point-in-time features, score with the bundled scorecard
console.log(result.score, result.probabilityOfDefault.toFixed(4), result.isThinFile);
for (const r of result.reasonCodes) console.log(r.code, r.description, `-${r.impact} pts`);

// Batch: one bad record does not stop the others; its error names the field path and the rule.
const batch = scoreApplicants([applicant, { ...applicant, asOf: '2025-02-30' }]);
for (const r of batch) console.log(r.ok ? `ok ${r.result.score}` : r.error.issues.map((i) => `${i.path.join(".")} ${i.code}: ${i.message}`));
