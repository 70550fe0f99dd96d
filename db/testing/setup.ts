import { afterAll, afterEach } from "vitest";
import { removeTestDatabases } from "./index";

// Every test file: the databases a test made are deleted after it, those of a beforeAll after the file.
afterEach(() => removeTestDatabases("test"));
afterAll(() => removeTestDatabases("all"));
