function greet() {
  const name = new URLSearchParams(location.search).get("name");
  // ruleid: js-document-write
  document.write("<h1>Hello " + name + "</h1>");
  // ruleid: js-document-write
  document.writeln(`<p>${name}</p>`);
  // ok: js-document-write
  document.getElementById("greeting").textContent = name;
  // ok: js-document-write
  document.write("<p>Loading</p>");
  // ok: js-document-write
  fs.writeFileSync("out.html", name);
}
