// A setup file for grading runs: before any learner module loads, the built-ins the tests
// compare with are made unchangeable. Math, JSON and the Number, Array and Object functions are
// frozen; the methods of their prototypes are made read-only (toString, valueOf and constructor
// stay writable: libraries assign their own on their prototypes, which a frozen one would break).
// Learner modules are strict (ES modules), so an attempt to change one throws, and its exercise
// does not load; the grader flags the error as "intrinsics".
const KEEP = new Set(["constructor", "toString", "toLocaleString", "valueOf"]);

for (const namespace of [Math, JSON, Number, Array, Object]) Object.freeze(namespace);
for (const proto of [Number.prototype, Array.prototype, Object.prototype]) {
  for (const key of Reflect.ownKeys(proto)) {
    if (typeof key === "string" && KEEP.has(key)) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key)!;
    if (!desc.configurable) continue;
    Object.defineProperty(proto, key, "value" in desc ? { value: desc.value, writable: false, configurable: false, enumerable: desc.enumerable } : { ...desc, configurable: false });
  }
}
