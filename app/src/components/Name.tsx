/**
 * A name someone typed (a cell's): on one line, cut with an ellipsis where it does not fit (never wider
 * than its container, at most about 32 characters), the whole name on hover (`title`). Only the display is
 * cut: the text in the page, what screen readers and search find, is the whole name.
 */
export function Name({ text }: { text: string }) {
  return (
    <span className="name" title={text}>
      {text}
    </span>
  );
}
