import DOMPurify from 'dompurify';

export function Comment({ html, text }: { html: string; text: string }) {
  // ruleid: ts-react-dangerously-set-inner-html
  const raw = <p dangerouslySetInnerHTML={{ __html: html }} />;
  // ok: ts-react-dangerously-set-inner-html
  const clean = <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
  // ok: ts-react-dangerously-set-inner-html
  const plain = <p>{text}</p>;
  return <div>{raw}{clean}{plain}</div>;
}
