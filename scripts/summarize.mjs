// Sums the results of every runner the suite used (gates, Vitest JSON, Playwright JSON) into one closing line.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
const problems = []
const fail = (why) => {
  failed++
  problems.push(why)
}

if (existsSync('test-results/gates.txt')) {
  for (const line of readFileSync('test-results/gates.txt', 'utf8').trim().split('\n')) {
    if (line.startsWith('pass ')) passed++
    else if (line.startsWith('fail ')) fail(`gate failed: ${line.slice(5)}`)
  }
}

const vitest = 'test-results/vitest.json'
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  // A test file that fails to load has no tests but must still count as a failure.
  for (const f of r.testResults ?? []) {
    if (f.status === 'failed' && f.assertionResults.length === 0) fail(`test file failed to run: ${f.name}`)
  }
} else fail('vitest produced no report')

const e2e = 'test-results/e2e.json'
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats
  passed += s.expected + s.flaky
  failed += s.unexpected
  if (s.expected + s.unexpected + s.flaky === 0) fail('playwright ran no test')
} else fail('playwright produced no report')

for (const p of problems) console.log(p)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
