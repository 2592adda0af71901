// The session player page: today's sessions of the phase chosen in Today, one drill at a time on one screen, with
// its figure, its dose for the phase, a timer for holds, tempo and rest, the sets counted, a tick when done (the
// ticks Today keeps), "This hurt" (an entry of My log) and a summary at the end. The screen is kept awake where
// the browser allows. It reads and writes this browser's storage only; nothing is sent anywhere, and once the
// handbook has been visited it needs no network (the service worker keeps this page, its scripts and the data).

import { element } from "./dom.js";
import { painMeasures } from "./chart.js";
import { withEntry } from "./log.js";
import { localToday, phaseSessions, sessionsOn, siteAddress, weekOfPhase } from "./plan.js";
import * as player from "./session-player.js";
import { clock, countdown, left, over, paused, resumed, spoken, tempoAt } from "./session-timer.js";
import { keys, load, save } from "./store.js";

const TICK_MS = 200;
const PARTS = { "Warm-up": "warm-up", Main: "main part", Optional: "optional", "Cool-down": "cool-down" };
const dayText = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en",
  { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

/** Starts the player in `root` (data-protocol: the protocol's id). */
export async function start(root) {
  for (const link of root.querySelectorAll("a[data-path]")) link.href = siteAddress(link.dataset.path);
  const none = root.querySelector(".hb-player__none");
  const stop = (...text) => {
    root.querySelector(".hb-player__drill").hidden = true;
    none.replaceChildren(element("p", {}, ...text));
    none.hidden = false;
    root.hidden = false;
  };
  const today = element("a", { href: `${siteAddress("")}#today` }, "Today");
  const chosen = load(keys.plan, null);
  if (!chosen || chosen.protocol !== root.dataset.protocol) {
    stop("Choose your phase and the day you started it in ", today, " first; the player then plays that day's session.");
    return;
  }
  const data = await (await fetch(siteAddress(`data/${chosen.protocol}.json`))).json();
  const number = data.protocol.phases.findIndex((phase) => phase.id === chosen.phase);
  if (number < 0) {
    stop("The phase chosen in ", today, " is not in this version of the handbook: choose it again.");
    return;
  }
  const date = localToday();
  const week = weekOfPhase(chosen.start, date);
  const sessions = week ? sessionsOn(phaseSessions(data, chosen.phase), date) : [];
  const where = `Phase ${number + 1}: ${data.protocol.phases[number].title}, ${week ? `week ${week}, ` : ""}${dayText(date)}`;
  root.querySelector(".hb-player__where").textContent = where;
  if (!sessions.length) {
    stop(week ? "No session today: a rest day. " : "Your phase has not started yet. ", "Back to ", today, ".");
    return;
  }
  new Player(root, data.protocol, chosen, date, sessions).show();
}

class Player {
  constructor(root, protocol, chosen, date, sessions) {
    this.root = root;
    this.protocol = protocol;
    this.chosen = chosen;
    this.date = date;
    this.tickKey = keys.ticks(chosen.protocol, chosen.phase);
    this.state = player.startPlayer(player.playlist(sessions), load(this.tickKey, {})[date] || []);
    this.timer = null;
    this.measure = painMeasures(protocol)[0]?.id;
    this.$ = (name) => root.querySelector(`.hb-player__${name}`);
    this.$("go").addEventListener("click", () => this.go());
    this.$("pause").addEventListener("click", () => this.pause());
    this.$("tick").addEventListener("click", () => this.move(player.tick(this.state), "ticked"));
    this.$("skip").addEventListener("click", () => this.move(player.skip(this.state), "skipped"));
    this.$("back").addEventListener("click", () => this.move(player.back(this.state)));
    this.$("again").addEventListener("click", () => this.move(player.back(this.state)));
    this.$("hurt").addEventListener("click", () => this.askPain());
    this.$("hurt").hidden = !this.measure;
    this.$("scale").replaceChildren(...Array.from({ length: 10 }, (_, index) => {
      const button = element("button", { type: "button", class: "md-button hb-player__level",
                                         "aria-label": `${index + 1} out of 10` }, String(index + 1));
      button.addEventListener("click", () => this.recordPain(index + 1));
      return button;
    }));
    this.interval = setInterval(() => this.beat(), TICK_MS);
    this.keepAwake();
    root.hidden = false;
  }

  /** Asks the browser to keep the screen on while the page is shown (again after it was hidden), and says so. */
  async keepAwake() {
    const note = this.$("awake");
    if (!("wakeLock" in navigator)) {
      note.textContent = "This browser cannot keep the screen on: it may dim, but the timer keeps the right time and nothing is lost.";
      return;
    }
    const ask = async () => {
      try {
        this.lock = await navigator.wakeLock.request("screen");
        note.textContent = "The screen stays on while this page is open.";
      } catch {
        note.textContent = "The screen may dim (the browser did not allow keeping it on); the timer keeps the right time.";
      }
    };
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") ask(); });
    await ask();
  }

  say(text) {
    this.$("say").textContent = text;
  }

  /** Shows `state`, after the current drill was `how` ("ticked", "skipped") or moved to. */
  move(state, how = null) {
    const before = player.current(this.state);
    this.state = state;
    this.timer = null;
    if (how === "ticked") this.keepTicks();
    this.$("pain").hidden = true;
    this.$("hurt").setAttribute("aria-expanded", "false");
    const next = player.current(state);
    const said = before && how ? `${before.name} ${how}. ` : "";
    this.say(next ? `${said}Drill ${state.at + 1} of ${state.drills.length}: ${next.name}. ${this.stepWords()}`
      : `${said}Session finished.`);
    this.show();
    if (state.finished) this.root.querySelector("#hb-player-summary-heading").focus();
  }

  /** The day's ticks kept as Today keeps them (those ticked there before stay ticked). */
  keepTicks() {
    const ticks = load(this.tickKey, {});
    ticks[this.date] = [...new Set([...(ticks[this.date] || []), ...this.state.ticked])];
    save(this.tickKey, ticks);
  }

  stepWords() {
    const step = player.currentStep(this.state);
    if (!step) return "";
    if (step.kind === "rest") return `Rest ${spoken(step.seconds)}.`;
    const set = step.sets > 1 ? `Set ${step.set} of ${step.sets}${step.side ? `, ${step.side}` : ""}` : step.side ? `The ${step.side}` : "One set";
    const what = step.timed === "hold" ? `hold ${spoken(step.seconds)}` : step.timed === "time" ? `${spoken(step.seconds)}`
      : step.reps ? `${step.amount} reps` : "at your own pace";
    return `${set}: ${what}.`;
  }

  show() {
    const finished = this.state.finished;
    this.$("drill").hidden = finished;
    this.$("summary").hidden = !finished;
    if (finished) {
      this.showSummary();
      return;
    }
    const drill = player.current(this.state);
    const step = player.currentStep(this.state);
    this.$("count").textContent = `Drill ${this.state.at + 1} of ${this.state.drills.length}`
      + (this.state.ticked.includes(drill.key) ? " · ticked" : "");
    this.$("name").textContent = drill.name;
    this.$("part").textContent = `${drill.session.title}, ${PARTS[drill.part] || drill.part}`;
    const figure = this.root.querySelector(`.hb-player__figures [data-figure="${CSS.escape(drill.id)}"]`);
    this.$("figure").replaceChildren(...(figure ? [figure.firstElementChild.cloneNode(true)] : []));
    this.$("figure").hidden = !figure;
    this.$("dose").replaceChildren(element("strong", {}, "Your dose in this phase: "), drill.dose || "as your clinician says");
    this.$("step").textContent = this.stepWords();
    this.$("link").replaceChildren(element("a", { href: siteAddress(`drills/${drill.id}/`) }, `How to do ${drill.name}`));
    this.showClock(step);
  }

  /** The clock, the tempo and the buttons for the step as it is now. */
  showClock(step, now = Date.now()) {
    const timed = step && (step.kind === "rest" || step.timed);
    const running = this.timer && this.timer.pausedLeft === null;
    const go = this.$("go");
    const pause = this.$("pause");
    const clockText = this.$("clock");
    const tempo = this.$("tempo");
    tempo.textContent = "";
    if (!step) {
      clockText.textContent = "";
      go.textContent = "Done: next drill";
      pause.hidden = true;
      return;
    }
    if (timed) {
      clockText.textContent = clock((this.timer ? left(this.timer, now) : step.seconds * 1000) / 1000);
      go.textContent = step.kind === "rest" ? "Skip the rest" : this.timer ? "Set done" : `Start: ${clock(step.seconds)}`;
      pause.hidden = !this.timer;
      pause.textContent = running ? "Pause" : "Resume";
      return;
    }
    if (step.beats && step.beats.length) {
      const elapsed = this.timer ? (now - this.timer.started) / 1000 : 0;
      const at = this.timer && tempoAt(step.beats, elapsed);
      clockText.textContent = clock(elapsed);
      tempo.textContent = at ? `Rep ${Math.min(at.rep, step.reps)}: ${at.part.toLowerCase()} ${at.left}`
        : `Tempo: ${step.beats.map((beat) => `${beat.part.toLowerCase()} ${beat.seconds} s`).join(", ")}`;
      go.textContent = this.timer ? "Set done" : "Start the set";
      pause.hidden = true;
      return;
    }
    clockText.textContent = "";
    go.textContent = "Set done";
    pause.hidden = true;
  }

  /** The main button: start a timed step, end a set or a rest. */
  go() {
    const step = player.currentStep(this.state);
    const now = Date.now();
    if (step && !this.timer && (step.timed || (step.beats && step.beats.length))) {
      this.timer = step.timed ? countdown(step.seconds, now) : { started: now };
      this.announced = false;
      this.say(step.timed ? `Started: ${this.stepWords()}` : `Set started. Tempo ${step.beats.map((b) => `${b.part.toLowerCase()} ${b.seconds}`).join(", ")}.`);
      this.showClock(step, now);
      return;
    }
    this.next();
  }

  /** The step over: the next one (a rest starts at once), or the next drill once this one is ticked. */
  next() {
    const before = this.state;
    const state = player.advance(before);
    if (state.at !== before.at || state.finished) {
      this.move(state, "ticked");
      return;
    }
    this.state = state;
    this.timer = null;
    const step = player.currentStep(state);
    if (step.kind === "rest") {
      this.timer = countdown(step.seconds, Date.now());
      this.announced = false;
      this.say(`Rest ${spoken(step.seconds)}.`);
    } else {
      this.say(`Next: ${this.stepWords()}`);
    }
    this.show();
  }

  pause() {
    if (!this.timer || !("endsAt" in this.timer)) return;
    const now = Date.now();
    const running = this.timer.pausedLeft === null;
    this.timer = running ? paused(this.timer, now) : resumed(this.timer, now);
    this.say(running ? `Paused, ${spoken(left(this.timer, now) / 1000)} left.` : "Going again.");
    this.showClock(player.currentStep(this.state), now);
  }

  /** Every few hundred milliseconds: the clock, a word at 10 seconds left, and the step over when it runs out. */
  beat() {
    if (!this.timer || this.state.finished) return;
    const now = Date.now();
    const step = player.currentStep(this.state);
    if ("endsAt" in this.timer) {
      if (over(this.timer, now)) {
        if (navigator.vibrate) navigator.vibrate(200);
        this.next();
        return;
      }
      if (!this.announced && step.seconds > 20 && this.timer.pausedLeft === null && left(this.timer, now) <= 10000) {
        this.announced = true;
        this.say("10 seconds left.");
      }
    }
    this.showClock(step, now);
  }

  askPain() {
    const open = this.$("pain").hidden;
    this.$("pain").hidden = !open;
    this.$("hurt").setAttribute("aria-expanded", String(open));
    if (open) this.$("scale").firstElementChild.focus();
  }

  /** Pain felt during the drill, kept as an entry of My log on this device. */
  recordPain(pain) {
    const drill = player.current(this.state);
    const now = new Date();
    const time = `${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`;
    const entry = player.hurtEntry(drill, pain, { date: this.date, time, phase: this.chosen.phase, measure: this.measure });
    const key = keys.log(this.protocol.id);
    const entries = load(key, { entries: [] }).entries;
    this.$("pain").hidden = true;
    this.$("hurt").setAttribute("aria-expanded", "false");
    this.$("hurt").focus();
    if (!save(key, { entries: withEntry(entries, entry) })) {
      this.say(`Pain ${pain}/10 could not be saved: this browser's storage for the handbook is full.`);
      return;
    }
    this.state = player.hurt(this.state, pain);
    this.say(`Pain ${pain}/10 during ${drill.name} saved in My log. If it stays above what your phase allows, `
      + "check the warning signs before you go on.");
  }

  showSummary() {
    const result = player.summary(this.state);
    this.$("total").textContent = `You did ${result.done} of the ${result.planned} drills planned today`
      + `${result.done === result.planned ? ": all of them." : "."} Your ticks are in Today.`;
    const items = [];
    if (result.skipped.length) items.push(element("li", {}, `Not done: ${result.skipped.join(", ")}.`));
    for (const one of result.hurt) items.push(element("li", {}, `${one.name}: pain ${one.pain}/10, saved in My log.`));
    if (!result.hurt.length) items.push(element("li", {}, "No pain recorded during the drills."));
    this.$("results").replaceChildren(...items);
  }
}
