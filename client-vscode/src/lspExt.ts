// Typed message objects for the custom protocol (server/LSP-EXTENSIONS.md); the shapes are in lspExtTypes.ts.

import { NotificationType, RequestType0 } from "vscode-languageclient";
import { methods, type BenchmarkReportParams, type ReindexResult, type ServerStatusParams } from "./lspExtTypes";

export * from "./lspExtTypes";

export const serverStatus = new NotificationType<ServerStatusParams>(methods.serverStatus);
export const reindex = new RequestType0<ReindexResult, void>(methods.reindex);
export const benchmarkReport = new NotificationType<BenchmarkReportParams>(methods.benchmarkReport);
