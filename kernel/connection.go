package kernel

import (
	"encoding/json"
	"fmt"
	"os"
)

// ConnectionInfo is the connection file Jupyter writes before starting a
// kernel: where to listen and how to sign messages.
type ConnectionInfo struct {
	Transport       string `json:"transport"`
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	ControlPort     int    `json:"control_port"`
	StdinPort       int    `json:"stdin_port"`
	IOPubPort       int    `json:"iopub_port"`
	HBPort          int    `json:"hb_port"`
	Key             string `json:"key"`
	SignatureScheme string `json:"signature_scheme"`
	KernelName      string `json:"kernel_name,omitempty"`

	path string // where it was read, for the replay history beside it
}

// ReadConnectionFile parses the connection file at path.
func ReadConnectionFile(path string) (*ConnectionInfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ci ConnectionInfo
	if err := json.Unmarshal(data, &ci); err != nil {
		return nil, fmt.Errorf("connection file %s: %w", path, err)
	}
	ci.path = path
	if ci.Transport == "" {
		ci.Transport = "tcp"
	}
	if ci.SignatureScheme == "" {
		ci.SignatureScheme = "hmac-sha256"
	}
	if _, err := NewSchemeSigner(ci.Key, ci.SignatureScheme); err != nil {
		return nil, fmt.Errorf("connection file %s: %w", path, err)
	}
	return &ci, nil
}

// endpoint returns the ZeroMQ address of one of the kernel's ports.
func (ci *ConnectionInfo) endpoint(port int) string {
	if ci.Transport == "ipc" {
		return fmt.Sprintf("ipc://%s-%d", ci.IP, port)
	}
	return fmt.Sprintf("%s://%s:%d", ci.Transport, ci.IP, port)
}
