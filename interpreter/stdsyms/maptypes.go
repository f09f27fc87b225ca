package stdsyms

// From yaegi v0.16.1's stdlib/maptypes.go and stdlib/wrapper-composed.go
// (Apache License 2.0, third_party/yaegi/LICENSE): yaegi's own tables are
// no longer linked, and these entries must name this package's wrappers.

import (
	"bufio"
	"encoding"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"reflect"
)

func init() {
	mt := []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	}
	for _, f := range []any{
		fmt.Errorf, fmt.Fprint, fmt.Fprintf, fmt.Fprintln, fmt.Print, fmt.Printf, fmt.Println,
		fmt.Sprint, fmt.Sprintf, fmt.Sprintln,
		log.Fatal, log.Fatalf, log.Fatalln, log.Panic, log.Panicf, log.Panicln,
	} {
		MapTypes[reflect.ValueOf(f)] = mt
	}
	mt = []reflect.Type{reflect.TypeOf((*fmt.Scanner)(nil)).Elem()}
	for _, f := range []any{fmt.Scan, fmt.Scanf, fmt.Scanln} {
		MapTypes[reflect.ValueOf(f)] = mt
	}
	MapTypes[reflect.ValueOf(json.Marshal)] = []reflect.Type{
		reflect.TypeOf((*json.Marshaler)(nil)).Elem(),
		reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem(),
	}
	MapTypes[reflect.ValueOf(json.Unmarshal)] = []reflect.Type{
		reflect.TypeOf((*json.Unmarshaler)(nil)).Elem(),
		reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem(),
	}
	MapTypes[reflect.ValueOf(xml.Marshal)] = []reflect.Type{
		reflect.TypeOf((*xml.Marshaler)(nil)).Elem(),
		reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem(),
	}
	MapTypes[reflect.ValueOf(xml.Unmarshal)] = []reflect.Type{
		reflect.TypeOf((*xml.Unmarshaler)(nil)).Elem(),
		reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem(),
	}

	// Wider wrappers, each list sorted by number of methods: an io.Reader
	// that also has WriteTo is handed to io.Copy as one.
	MapTypes[reflect.ValueOf((*_net_http_ResponseWriter)(nil))] = []reflect.Type{
		reflect.TypeOf((*_netHTTPResponseWriterHijacker)(nil)).Elem(),
	}
	MapTypes[reflect.ValueOf((*_io_Reader)(nil))] = []reflect.Type{
		reflect.TypeOf((*_ioReaderWriteTo)(nil)).Elem(),
	}
	MapTypes[reflect.ValueOf((*_io_Writer)(nil))] = []reflect.Type{
		reflect.TypeOf((*_ioWriterReadFrom)(nil)).Elem(),
	}
}

// A net/http ResponseWriter that is also a Hijacker.
type _netHTTPResponseWriterHijacker struct {
	IValue       interface{}
	WHeader      func() http.Header
	WWrite       func(a0 []byte) (int, error)
	WWriteHeader func(statusCode int)

	WHijack func() (net.Conn, *bufio.ReadWriter, error)
}

func (w _netHTTPResponseWriterHijacker) Header() http.Header { return w.WHeader() }

func (w _netHTTPResponseWriterHijacker) Write(a0 []byte) (int, error) { return w.WWrite(a0) }

func (w _netHTTPResponseWriterHijacker) WriteHeader(statusCode int) { w.WWriteHeader(statusCode) }

func (w _netHTTPResponseWriterHijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return w.WHijack()
}

// An io.Reader with WriteTo, which io.Copy uses.
type _ioReaderWriteTo struct {
	IValue interface{}
	WRead  func(p []byte) (n int, err error)

	WWriteTo func(w io.Writer) (n int64, err error)
}

func (w _ioReaderWriteTo) Read(p []byte) (n int, err error) { return w.WRead(p) }

func (w _ioReaderWriteTo) WriteTo(wr io.Writer) (n int64, err error) { return w.WWriteTo(wr) }

// An io.Writer with ReadFrom, which io.Copy uses.
type _ioWriterReadFrom struct {
	IValue interface{}
	WWrite func(p []byte) (n int, err error)

	WReadFrom func(r io.Reader) (n int64, err error)
}

func (w _ioWriterReadFrom) Write(p []byte) (n int, err error) { return w.WWrite(p) }

func (w _ioWriterReadFrom) ReadFrom(r io.Reader) (n int64, err error) { return w.WReadFrom(r) }
