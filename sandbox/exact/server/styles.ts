/** Stylesheets of the fake screens: close enough to Exact Online's look to recognise. */

import { raw, type SafeHtml } from './html';

const BASE = `
body { margin: 0; font: 12px/1.4 "Segoe UI", Arial, Helvetica, sans-serif; color: #222; background: #f2f4f7; }
button { font: inherit; }
input, select, textarea { font: inherit; border: 1px solid #b5c0cd; border-radius: 2px; padding: 2px 4px; background: #fff; }
input:focus, select:focus, textarea:focus { outline: 1px solid #2a7ad2; border-color: #2a7ad2; }
.ErrorPage { margin: 40px; padding: 16px; background: #fff; border-left: 4px solid #c8102e; }
`;

const SHELL = `
body.Shell { display: flex; flex-direction: column; height: 100vh; }
#Header { display: flex; align-items: center; gap: 16px; height: 44px; padding: 0 16px; background: #0d3c6e; color: #fff; }
#Header .Logo { font-size: 16px; font-weight: 600; letter-spacing: .3px; }
#Header .Logo b { color: #ff4d4d; }
#Administration { padding: 4px 10px; border-radius: 3px; background: #1c5a9c; font-weight: 600; }
#GlobalSearch { flex: 0 1 360px; margin-left: auto; border: 0; padding: 6px 10px; }
#Header .User { opacity: .85; }
#Body { display: flex; flex: 1; min-height: 0; }
#EnhancedNavigation { width: 210px; flex: none; overflow: auto; background: #fff; border-right: 1px solid #d5dbe3; padding: 8px 0; }
#EnhancedNavigation h3 { margin: 10px 14px 4px; font-size: 11px; text-transform: uppercase; color: #667; }
#EnhancedNavigation ul { list-style: none; margin: 0; padding: 0; }
#EnhancedNavigation a { display: block; padding: 4px 14px 4px 24px; color: #1c5a9c; text-decoration: none; }
#EnhancedNavigation a:hover { background: #e8f0fa; }
#EnhancedNavigation .Group { padding: 4px 14px; font-weight: 600; }
#MainWindow { flex: 1; border: 0; background: #fff; }
`;

const ENTRY = `
body.Entry { background: #fff; }
#PageHeader { display: flex; align-items: baseline; gap: 16px; padding: 10px 16px 6px; border-bottom: 1px solid #d5dbe3; }
.HdrTitle { font-size: 18px; font-weight: 600; color: #0d3c6e; }
#buttonBar { display: flex; gap: 6px; padding: 6px 16px; background: #eef2f7; border-bottom: 1px solid #d5dbe3; }
#buttonBar .Button { padding: 4px 14px; border: 1px solid #1c5a9c; border-radius: 2px; background: #1c5a9c; color: #fff; cursor: pointer; text-decoration: none; }
#buttonBar .Button.Secondary { background: #fff; color: #1c5a9c; }
#Messages { margin: 8px 16px 0; }
#Messages .ErrorMessage { padding: 6px 10px; margin-bottom: 4px; background: #fdecee; border-left: 3px solid #c8102e; }
table.Header { margin: 8px 12px; border-collapse: collapse; }
table.Header td { padding: 3px 4px; }
table.Header td.Label { width: 120px; color: #555; }
#Description { width: 320px; }
.Lookup { width: 90px; }
.LookupBox { white-space: nowrap; }
.Browse { border: 1px solid #b5c0cd; background: #f5f7fa; padding: 1px 3px; vertical-align: middle; cursor: pointer; }
.Browse img { display: block; }
.LookupRef { margin-left: 6px; color: #444; }
.LookupRef.Invalid { color: red; }
input.Invalid { border-color: red; background: #fff3f3; }
table.Grid { margin: 8px 12px; border-collapse: collapse; min-width: 900px; }
table.Grid th { background: #dde6f0; color: #223; font-weight: 600; text-align: left; padding: 5px 6px; border-bottom: 1px solid #b9c6d6; }
table.Grid td { padding: 3px 4px; border-bottom: 1px solid #e6eaef; }
table.Grid tr.GridRow:nth-child(even) td { background: #f8fafc; }
table.Grid .Num { text-align: right; }
table.Grid input.Num { width: 80px; text-align: right; }
table.Grid input.Text { width: 260px; }
.RowBtn { border: 0; background: none; color: #1c5a9c; cursor: pointer; padding: 0 3px; font-weight: 700; }
.NotesIcon { cursor: pointer; vertical-align: middle; }
.Amount { display: inline-block; min-width: 80px; }
#Totals { margin: 4px 12px 16px auto; border-collapse: collapse; }
#Totals td { padding: 3px 10px; text-align: right; }
#Totals tr.Grand td { border-top: 1px solid #777; font-weight: 700; }
#WaitMessageImg { position: fixed; top: 8px; right: 12px; width: 24px; height: 24px; }
#cntPopupSearch { position: absolute; z-index: 20; background: #fff; border: 1px solid #8a9bb0; box-shadow: 0 2px 8px rgba(0,0,0,.2); max-height: 240px; overflow: auto; }
#cntPopupSearch table { border-collapse: collapse; }
#cntPopupSearch td { padding: 3px 8px; cursor: pointer; }
#cntPopupSearch tr:hover td { background: #e8f0fa; }
.ui-widget-overlay { position: fixed; inset: 0; background: rgba(0,0,0,.3); z-index: 30; }
.ui-dialog { position: fixed; top: 80px; left: 50%; transform: translateX(-50%); width: 420px; background: #fff; border: 1px solid #8a9bb0; z-index: 31; }
.ui-dialog-titlebar { padding: 6px 10px; background: #0d3c6e; color: #fff; font-weight: 600; }
.ui-dialog-content { padding: 10px; }
.ui-dialog-content textarea { width: 100%; height: 120px; box-sizing: border-box; }
.ui-dialog-buttonpane { padding: 6px 10px; text-align: right; }
`;

const REFERENCE = `
.PageHeader { padding: 10px 16px 6px; border-bottom: 1px solid #d5dbe3; }
#buttonBar .ToolbarButton { padding: 4px 14px; border: 1px solid #1c5a9c; border-radius: 2px; background: #1c5a9c; color: #fff; cursor: pointer; text-decoration: none; }
#buttonBar .ToolbarButton.Secondary { background: #fff; color: #1c5a9c; }
.MessageBar { margin: 8px 16px 0; }
.MessageBar .Error { padding: 6px 10px; margin-bottom: 4px; background: #fdecee; border-left: 3px solid #c8102e; }
table.FieldTable { margin: 8px 12px; border-collapse: collapse; }
table.FieldTable td { padding: 3px 4px; }
td.FieldCaption { width: 120px; color: #555; }
#InvoiceDescription { width: 320px; }
table.Grid tr.DataDark td { background: #f8fafc; }
input.ReadOnly { background: #f2f4f7; border-color: #dde3ea; }
table.Totals { margin: 4px 12px 16px auto; border-collapse: collapse; }
table.Totals td { padding: 3px 10px; text-align: right; }
table.Totals tr.Grand td { border-top: 1px solid #777; font-weight: 700; }
`;

export const REFERENCE_CSS: SafeHtml = raw(BASE + ENTRY + REFERENCE);
export const SHELL_CSS: SafeHtml = raw(BASE + SHELL);
export const ENTRY_CSS: SafeHtml = raw(BASE + ENTRY);
export const ERROR_CSS: SafeHtml = raw(BASE);
