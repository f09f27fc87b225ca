package main

import "fmt"

// Temp is a struct: yaegi cannot tell a named basic type from its
// underlying type once the value is in an interface.
type Temp struct{ C int }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return "string " + x
	case []int:
		return fmt.Sprint("slice of ", len(x))
	case Temp:
		return fmt.Sprintf("temp %d", x.C)
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func main() {
	for _, v := range []any{nil, 1, "s", []int{1, 2}, Temp{3}, fmt.Errorf("e"), 2.5} {
		fmt.Println(describe(v))
	}
}
