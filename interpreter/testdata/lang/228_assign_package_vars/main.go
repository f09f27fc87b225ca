package main

import (
	"fmt"
	"runtime"
)

func main() {
	// Variables of standard packages can be assigned, whatever their type;
	// only their constants cannot.
	rate := runtime.MemProfileRate
	runtime.MemProfileRate = 0
	fmt.Println("MemProfileRate:", runtime.MemProfileRate)
	runtime.MemProfileRate += 4096
	fmt.Println("MemProfileRate:", runtime.MemProfileRate)
	runtime.MemProfileRate = rate

	fmt.Println("restored:", runtime.MemProfileRate == rate)
}
