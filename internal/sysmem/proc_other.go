//go:build !linux && !darwin && !windows

package sysmem

func resident(pid int) (int64, error) { return 0, ErrUnsupported }
func children(pid int) ([]int, error) { return nil, ErrUnsupported }
func total() (int64, error)           { return 0, ErrUnsupported }
func available() (int64, error)       { return 0, ErrUnsupported }
func resetPeak() bool                 { return false }
func peak() (int64, error)            { return 0, ErrUnsupported }
