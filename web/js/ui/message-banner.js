// A dismissible banner for problems that belong to no single control: a link that could not be read, an
// unknown setting, an engine error. Messages are set with textContent only: a hostile link cannot inject HTML.

export class MessageBanner {
  constructor(element) {
    this.element = element;
    this.list = element.querySelector('ul');
    this.title = element.querySelector('[data-title]');
    element.querySelector('button').addEventListener('click', () => this.clear());
  }

  show(title, messages) {
    this.title.textContent = title;
    this.list.replaceChildren(...messages.map((message) => {
      const item = document.createElement('li');
      item.textContent = message;
      return item;
    }));
    this.element.hidden = false;
  }

  clear() {
    this.element.hidden = true;
    this.list.replaceChildren();
  }
}
