// The header and footer that every page of the sample site shares, written once. Each page has a
// <site-header page="…"> and a <site-footer> where they go; this classic script, loaded in <head>,
// defines both elements before the parser reaches them, so each is replaced by its markup as the
// page is parsed and nothing is painted without them. A static site under a strict
// Content-Security-Policy has no server-side includes and no inline script: this file comes from the
// site's own origin like its stylesheet.
{
  const SKIP = { vi: 'Bỏ qua, tới nội dung chính', en: 'Skip to the main content' };

  const HEADER = `
    <a class="skip" href="#noi-dung"></a>
    <header class="masthead">
      <div class="inner">
        <img src="logo.svg" alt="" width="56" height="56" />
        <div>
          <p class="name">Ủy ban nhân dân tỉnh Demo</p>
          <p class="portal">Cổng Dịch vụ công trực tuyến</p>
        </div>
      </div>
    </header>
    <nav class="main" aria-label="Điều hướng chính">
      <ul>
        <li><a href="index.html">Trang chủ</a></li>
        <li><a href="khai-sinh.html">Đăng ký khai sinh</a></li>
        <li><a href="ho-kinh-doanh.html">Hộ kinh doanh</a></li>
        <li><a href="giay-phep-xay-dung.html">Giấy phép xây dựng</a></li>
        <li><a href="tra-cuu.html">Tra cứu hồ sơ</a></li>
        <li><a href="birth-registration.html" lang="en" hreflang="en">English</a></li>
      </ul>
    </nav>
  `;

  const FOOTER = `
    <footer>
      <div class="inner">
        <p>Trang mẫu của motcua (phần mềm nguồn mở một cửa). Tên, mã cơ quan và biểu trưng chỉ để minh họa.</p>
        <p>
          Trang này chạy dưới chính sách bảo mật nội dung nghiêm ngặt: chỉ nạp tệp từ máy chủ một cửa, không có mã nội
          tuyến.
        </p>
      </div>
    </footer>
  `;

  /** The nodes of a piece of the site's own markup (constant text, never data). */
  const parse = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content;
  };

  customElements.define(
    'site-header',
    class extends HTMLElement {
      connectedCallback() {
        const header = parse(HEADER);
        header.querySelector('.skip').textContent = document.documentElement.lang === 'en' ? SKIP.en : SKIP.vi;
        const page = this.getAttribute('page') ?? 'index.html';
        header.querySelector(`nav a[href="${page}"]`)?.setAttribute('aria-current', 'page');
        this.replaceWith(header);
      }
    },
  );

  customElements.define(
    'site-footer',
    class extends HTMLElement {
      connectedCallback() {
        this.replaceWith(parse(FOOTER));
      }
    },
  );
}
