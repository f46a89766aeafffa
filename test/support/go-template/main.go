// Renders stdin the way Helm renders a chart template: Go's text/template with missingkey=zero and empty values.
// Helm's own functions that reach outside the template (lookup, include, tpl, required, fail) are defined so that a
// template calling them parses, and fail when called: any action other than printing a raw string is reported.
package main

import (
	"fmt"
	"io"
	"os"
	"text/template"
)

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	called := func(name string) func(...interface{}) (string, error) {
		return func(...interface{}) (string, error) { return "", fmt.Errorf("the template called %s", name) }
	}
	funcs := template.FuncMap{
		"lookup": called("lookup"), "include": called("include"), "tpl": called("tpl"),
		"required": called("required"), "fail": called("fail"),
	}
	tmpl, err := template.New("chart").Option("missingkey=zero").Funcs(funcs).Parse(string(input))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	values := map[string]interface{}{"Values": map[string]interface{}{}, "Release": map[string]interface{}{}}
	if err := tmpl.Execute(os.Stdout, values); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
