// Sums the results of every runner the suite used (gates, Vitest JSON, Playwright JSON) into one closing line.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
const lines = []
if (existsSync('test-results/gates.txt')) {
  for (const line of readFileSync('test-results/gates.txt', 'utf8').trim().split('\n')) {
    if (line.startsWith('pass ')) passed++
    else if (line.startsWith('fail ')) (failed++, lines.push(`gate failed: ${line.slice(5)}`))
  }
}
const vitest = 'test-results/vitest.json'
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  // A test file that fails to load has no tests but must still count as a failure.
  failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
} else (failed++, lines.push('vitest produced no report'))
const e2e = 'test-results/e2e.json'
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats
  passed += s.expected + s.flaky
  failed += s.unexpected
  if (s.expected + s.unexpected + s.flaky === 0) (failed++, lines.push('playwright ran no test'))
} else (failed++, lines.push('playwright produced no report'))
for (const l of lines) console.log(l)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
