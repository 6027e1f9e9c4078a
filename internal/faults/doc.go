// Package faults has no code of its own: its tests are the fault suite
// (see faults_test.go) and the soak (soak_test.go, `make soak`).
package faults
