//go:build unix

package kernel

import (
	"errors"
	"syscall"
)

// writeNow writes what the non-blocking socket takes at once: n bytes, 0
// when it is full. werr is the socket's error, err the poller's.
func writeNow(raw syscall.RawConn, b []byte) (n int, werr, err error) {
	err = raw.Write(func(fd uintptr) bool {
		for {
			n, werr = syscall.Write(int(fd), b)
			if werr != syscall.EINTR {
				return true // never wait here: the backlog does
			}
		}
	})
	if errors.Is(werr, syscall.EAGAIN) {
		return 0, nil, err
	}
	return n, werr, err
}
