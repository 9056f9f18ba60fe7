// A setup file for grading runs: before each test file, forget every module the previous files
// loaded, so each exercise's tests load the learner's modules fresh (as in the course, where
// every test file gets its own process) while one worker process serves the whole submission.
import { vi } from "vitest";

vi.resetModules();
