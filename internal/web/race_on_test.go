//go:build race

package web_test

// raceEnabled: the race detector multiplies memory use, so memory budgets
// are only held in normal builds.
const raceEnabled = true
