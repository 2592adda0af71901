// The handbook's search worker: Material's own, with the small words of a question left out before it is searched.
//
// Material's search adds a wildcard to every word typed ("do" becomes "do*"), and Lunr does not pass a word
// with a wildcard through its stop-word filter, so the small words of a question (how, do, I, a, the …) each
// match every indexed word they begin: "do" finds "downhill", "a" finds "abs", and a page whose hidden search
// words start with them outranks the page that answers the question. This worker takes out the words Lunr
// itself would have dropped as stop words, then hands the question to Material's worker, unchanged otherwise.
// A question made only of small words is searched as typed. The page loads this worker in place of
// Material's (site_src/overrides/main.html), passing the address of Material's worker after the '#'.
// Classic worker script (Material creates it with `new Worker(url)`); English only, as the handbook is.
"use strict";

/** The question without the words `isStopWord` drops; the question as typed when nothing else is left. */
function withoutSmallWords(question, isStopWord) {
  if (typeof question !== "string" || question.includes('"')) return question; // a quoted phrase is kept whole
  const words = question.trim().split(/\s+/);
  const kept = words.filter((word) => !isStopWord(word.toLowerCase()));
  return kept.length && kept.length < words.length ? kept.join(" ") : question;
}

if (typeof importScripts === "function") {
  const QUERY = 2; // Material's SearchMessageType.QUERY
  // Registered before Material's worker registers its own, so it sees each question first.
  addEventListener("message", (event) => {
    const message = event.data;
    const lunr = self.lunr;
    if (message && message.type === QUERY && lunr && typeof lunr.stopWordFilter === "function") {
      message.data = withoutSmallWords(message.data, (word) => lunr.stopWordFilter(word) === undefined);
    }
  });
  importScripts(decodeURIComponent(self.location.hash.slice(1)));
}
