// A match-3 board as plain data: board[row][col] is a gem kind (0, 1, 2, ...) or EMPTY. Finds
// lines of three or more, tells whether a swap makes one, and lets gems fall into the gaps.
import Phaser from "phaser";

export const EMPTY = -1;
export type Board = number[][];

export interface Cell {
  col: number;
  row: number;
}

/** A full board with no line of three to start with. */
export function newBoard(columns: number, rows: number, kinds: number, rng: Phaser.Math.RandomDataGenerator): Board {
  const board: Board = [];
  for (let row = 0; row < rows; row++) {
    board.push([]);
    for (let col = 0; col < columns; col++) {
      const banned = new Set<number>();
      if (col >= 2 && board[row][col - 1] === board[row][col - 2]) banned.add(board[row][col - 1]);
      if (row >= 2 && board[row - 1][col] === board[row - 2][col]) banned.add(board[row - 1][col]);
      const allowed = Array.from({ length: kinds }, (_, k) => k).filter((k) => !banned.has(k));
      board[row].push(rng.pick(allowed));
    }
  }
  return board;
}

/** Every cell that is part of a row or column of three or more of a kind. */
export function matchedCells(board: Board): Cell[] {
  const found = new Map<string, Cell>();
  const rows = board.length;
  const columns = board[0].length;
  const mark = (cells: Cell[]) => cells.forEach((c) => found.set(c.col + "," + c.row, c));
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < columns; ) {
      let end = col + 1;
      while (end < columns && board[row][end] === board[row][col]) end++;
      if (board[row][col] !== EMPTY && end - col >= 3) mark(Array.from({ length: end - col }, (_, k) => ({ col: col + k, row })));
      col = end;
    }
  }
  for (let col = 0; col < columns; col++) {
    for (let row = 0; row < rows; ) {
      let end = row + 1;
      while (end < rows && board[end][col] === board[row][col]) end++;
      if (board[row][col] !== EMPTY && end - row >= 3) mark(Array.from({ length: end - row }, (_, k) => ({ col, row: row + k })));
      row = end;
    }
  }
  return [...found.values()];
}

export function swapCells(board: Board, a: Cell, b: Cell) {
  const kind = board[a.row][a.col];
  board[a.row][a.col] = board[b.row][b.col];
  board[b.row][b.col] = kind;
}

export function makesMatch(board: Board, a: Cell, b: Cell): boolean {
  swapCells(board, a, b);
  const any = matchedCells(board).length > 0;
  swapCells(board, a, b);
  return any;
}

/** A swap of neighbours that makes a line, or null when the board is stuck. */
export function findMove(board: Board, from?: Cell): { a: Cell; b: Cell } | null {
  const starts = from ? [from] : board.flatMap((line, row) => line.map((_, col) => ({ col, row })));
  for (const a of starts) {
    for (const [dx, dy] of [[1, 0], [0, 1], [-1, 0], [0, -1]]) {
      const b = { col: a.col + dx, row: a.row + dy };
      if (b.row < 0 || b.row >= board.length || b.col < 0 || b.col >= board[0].length) continue;
      if (makesMatch(board, a, b)) return { a, b };
    }
  }
  return null;
}

/** Gems drop into the EMPTY cells below them and new ones fill the top; says where each one went. */
export function collapse(board: Board, kinds: number, rng: Phaser.Math.RandomDataGenerator): { falls: { col: number; from: number; to: number }[]; fresh: { col: number; row: number; startRow: number }[] } {
  const falls: { col: number; from: number; to: number }[] = [];
  const fresh: { col: number; row: number; startRow: number }[] = [];
  for (let col = 0; col < board[0].length; col++) {
    let to = board.length - 1;
    for (let row = board.length - 1; row >= 0; row--) {
      if (board[row][col] === EMPTY) continue;
      if (row !== to) {
        board[to][col] = board[row][col];
        board[row][col] = EMPTY;
        falls.push({ col, from: row, to });
      }
      to--;
    }
    // The new gems start stacked just above the board, in the order they land.
    for (let row = to; row >= 0; row--) {
      board[row][col] = rng.between(0, kinds - 1);
      fresh.push({ col, row, startRow: row - (to + 1) });
    }
  }
  return { falls, fresh };
}
