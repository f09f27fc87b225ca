package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
)

type service struct {
	*log.Logger
	name string
}

func newLogger(prefix string) *log.Logger {
	return log.New(os.Stdout, prefix, 0)
}

func main() {
	var lg *log.Logger = newLogger("app: ")
	lg.Println("started")
	lg.SetPrefix("[app] ")
	lg.Printf("%d workers", 4)
	fmt.Println(lg.Prefix(), lg.Flags())
	// cell
	var buf bytes.Buffer
	lg.SetOutput(&buf)
	lg.SetFlags(log.Lmsgprefix)
	lg.Print("to a buffer")
	fmt.Printf("%q\n", buf.String())
	// cell
	s := service{Logger: log.New(os.Stdout, "svc: ", 0), name: "db"}
	s.Printf("%s ready", s.name)
	out := s.Writer()
	fmt.Fprintln(out, "direct")
	// cell
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Default().SetPrefix("std: ")
	log.Print("default logger")
	fmt.Println(log.Prefix())
}
