//go:build !unix

package load

import "time"

// ownCPU: getrusage is Unix's. Without /proc/stat (Linux's) the load
// meter reports nothing anyway.
func ownCPU() time.Duration { return 0 }
