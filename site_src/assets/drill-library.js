// The drill library's filters: by protocol, category, body region and name, over the library's data file.
// Without JavaScript the filters stay hidden and the category pages list every drill.

const SHOWN = 100;

const library = document.querySelector(".hb-library[data-library]");
if (library) {
  start(library).catch(() => { library.hidden = true; });
}

async function start(root) {
  const address = new URL(root.dataset.library, document.baseURI);
  const response = await fetch(address);
  if (!response.ok) {
    return;
  }
  const data = await response.json();
  const form = root.querySelector("form");
  const wanted = new URLSearchParams(location.search);
  for (const [name, choices] of [["protocol", data.protocols], ["category", data.categories],
                                 ["region", data.regions]]) {
    const select = form.elements[name];
    for (const choice of choices) {
      select.add(new Option(choice.title, choice.id));
    }
    select.value = choices.some((choice) => choice.id === wanted.get(name)) ? wanted.get(name) : "";
  }
  form.elements.name.value = wanted.get("name") || "";
  const drills = data.drills.map((drill) => ({
    ...drill,
    href: new URL(drill.url, address).href,
    words: [drill.name, ...drill.aliases].join(" ").toLocaleLowerCase(),
  }));
  const titles = {
    category: Object.fromEntries(data.categories.map((choice) => [choice.id, choice.title])),
    region: Object.fromEntries(data.regions.map((choice) => [choice.id, choice.title])),
  };
  const show = () => {
    const choice = Object.fromEntries(new FormData(form));
    const words = choice.name.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const found = drills.filter((drill) =>
      (!choice.protocol || drill.protocols.includes(choice.protocol))
      && (!choice.category || drill.category === choice.category)
      && (!choice.region || drill.regions.includes(choice.region))
      && words.every((word) => drill.words.includes(word)));
    listed(root.querySelector(".hb-library__list"), found.slice(0, SHOWN), titles);
    root.querySelector(".hb-library__count").textContent = counted(found.length, drills.length);
    remember(choice);
  };
  form.addEventListener("input", show);
  form.addEventListener("submit", (event) => event.preventDefault());
  root.hidden = false;
  show();
}

function listed(element, drills, titles) {
  const items = drills.map((drill) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = drill.href;
    link.textContent = drill.name;
    const about = document.createElement("span");
    about.className = "hb-library__about";
    about.textContent = [titles.category[drill.category], ...drill.regions.map((region) => titles.region[region])]
      .join(" · ");
    item.append(link, " ", about);
    return item;
  });
  element.replaceChildren(...items);
}

function counted(found, total) {
  if (found === 0) {
    return "No drill matches these filters.";
  }
  const which = found === total ? `All ${total} drills` : `${found} of ${total} drills`;
  return found > SHOWN ? `${which}; the first ${SHOWN} are shown. Choose a filter or type a name to narrow them.`
    : `${which}.`;
}

function remember(choice) {
  const query = new URLSearchParams(Object.entries(choice).filter(([, value]) => value.trim()));
  const address = new URL(location.href);
  address.search = query.toString();
  history.replaceState(null, "", address);
}
