package interpreter

import (
	"os"
	"reflect"
)

// realEnviron gives cells the process's own environment instead of
// yaegi's private copy: a cell's os.Setenv reaches the commands it starts
// (exec.Command, !cmd) as in a Go program, and the worker can hand the
// environment to its replacement after a crash.
func realEnviron(m map[string]reflect.Value) {
	for name, f := range map[string]any{
		"Clearenv": os.Clearenv, "ExpandEnv": os.ExpandEnv, "Getenv": os.Getenv,
		"LookupEnv": os.LookupEnv, "Setenv": os.Setenv, "Unsetenv": os.Unsetenv, "Environ": os.Environ,
	} {
		m[name] = reflect.ValueOf(f)
	}
}
