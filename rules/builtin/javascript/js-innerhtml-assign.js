function render(container, comment, user) {
  // ruleid: js-innerhtml-assign
  container.innerHTML = comment.body;
  // ruleid: js-innerhtml-assign
  container.innerHTML = `<p class="author">${user.name}</p>`;
  // ruleid: js-innerhtml-assign
  container.innerHTML += "<li>" + comment.title + "</li>";
  // ruleid: js-innerhtml-assign
  container.insertAdjacentHTML("beforeend", comment.body);
  // ok: js-innerhtml-assign
  container.textContent = comment.body;
  // ok: js-innerhtml-assign
  container.innerHTML = "";
  // ok: js-innerhtml-assign
  container.innerHTML = "<hr>";
  // ok: js-innerhtml-assign
  if (container.innerHTML === comment.body) return;
}
