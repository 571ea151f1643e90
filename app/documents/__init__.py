"""Documents from templates: commercial proposals, invoices, letters (.docx/.odt/.pdf).

``generate.generate`` fills a template (``templates``) with the merge fields of a client or
a deal (``fields``), renders it with docxtpl (``render``), attaches it to the card and logs
an activity; an invoice template also gets the next invoice number (``numbering``)."""
