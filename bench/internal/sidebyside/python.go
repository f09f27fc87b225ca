package sidebyside

import (
	"os/exec"
	"strings"
)

// PythonVersion is the version python reports, or "(not found)".
func PythonVersion(python string) string {
	out, err := exec.Command(python, "-c", "import sys; print(sys.version.split()[0])").Output()
	if err != nil {
		return "(not found)"
	}
	return strings.TrimSpace(string(out))
}
